/**
 * Errors as RFC 9457 `application/problem+json`, with a Chinese `detail` that names the failing field.
 * Services throw these; the error handler in app.ts renders them.
 */
export interface FieldError {
  field: string;
  message: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly field?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, field?: string, errors?: FieldError[]) =>
  new Problem(400, '请求有误', detail, field, errors);
export const unauthorized = (detail = '请先登录') => new Problem(401, '未登录', detail);
export const forbidden = (detail = '无权执行此操作') => new Problem(403, '无权访问', detail);
export const notFound = (detail = '未找到该记录') => new Problem(404, '未找到', detail);
export const conflict = (detail: string, field?: string) => new Problem(409, '冲突', detail, field);
export const unprocessable = (detail: string, field?: string) => new Problem(422, '无法处理', detail, field);
export const tooManyRequests = (detail: string) => new Problem(429, '请求过于频繁', detail);
export const locked = (detail: string) => new Problem(423, '账号已锁定', detail);

/** A single-field validation failure: `统一社会信用代码：校验位错误`. */
export function fieldProblem(field: string, message: string): Problem {
  return badRequest(message, field, [{ field, message }]);
}
