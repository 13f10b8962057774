import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from './problem.ts';

function send(reply: FastifyReply, request: FastifyRequest, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: 'about:blank',
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...(problem.field ? { field: problem.field } : {}),
      ...(problem.errors ? { errors: problem.errors } : {}),
      instance: request.url,
      requestId: request.id,
    });
}

/** Every failure leaves as application/problem+json with a Chinese detail; nothing leaks a stack trace. */
export function registerErrorHandler(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error: FastifyError | Problem, request, reply) => {
    if (error instanceof Problem) return send(reply, request, error);
    // Schema failures come back wrapped by Fastify; the validator put our Problem in `validation`'s place.
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Problem) return send(reply, request, cause);
    const fe = error as FastifyError;
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return send(
        reply,
        request,
        new Problem(415, '不支持的内容类型', '请求内容类型不受支持，请使用 application/json'),
      );
    if (
      fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      fe instanceof SyntaxError
    ) {
      return send(reply, request, new Problem(400, '请求有误', '请求体不是有效的 JSON'));
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE') {
      return send(reply, request, new Problem(413, '内容过大', '上传内容超过大小限制'));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return send(reply, request, new Problem(fe.statusCode, '请求有误', fe.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(
      reply,
      request,
      new Problem(500, '服务器内部错误', `服务器内部错误，请稍后重试（请求编号 ${request.id}）`),
    );
  });
}
