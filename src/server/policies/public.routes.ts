import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { listNotices } from './applications.service.ts';
import { policyListContent } from './catalogue.service.ts';
import { today } from './common.ts';
import { fenToYuanText } from './payments.service.ts';

/**
 * What anyone may read without signing in: the policy lists the QR codes point at (seed 000 L31), and the 公示 of
 * approved benefits. Served as JSON under /api/public and as light HTML pages under /p for a phone that has just
 * scanned a code.
 */
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{margin:0;font:15px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f7fa}
header{background:#1f5fbf;color:#fff;padding:16px}header h1{margin:0;font-size:19px}header p{margin:4px 0 0;opacity:.85;font-size:13px}
main{max-width:860px;margin:0 auto;padding:12px}
section{background:#fff;border-radius:8px;padding:12px 14px;margin:0 0 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
h2{font-size:16px;margin:0 0 4px}h3{font-size:15px;margin:12px 0 4px;color:#1f5fbf}
.meta{color:#8c8c8c;font-size:12px}.claim{background:#f0f5ff;border-radius:6px;padding:6px 8px;margin:6px 0}
ul{margin:4px 0;padding-left:20px}table{width:100%;border-collapse:collapse;font-size:13px}
td,th{border-bottom:1px solid #f0f0f0;padding:6px 4px;text-align:left}th{color:#595959}
.amount{text-align:right;white-space:nowrap}footer{color:#8c8c8c;font-size:12px;text-align:center;padding:16px}
</style></head><body>${body}<footer>双胜平台 · 惠企政策兑现</footer></body></html>`;
}

export function registerPublicPolicyRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();
  const listParams = z.object({
    code: z
      .string()
      .regex(/^[a-z]{2,12}$/, '格式不正确')
      .describe('清单代码'),
  });

  r.get('/api/public/policy-lists/:code', {
    schema: { tags: ['公开'], summary: '惠企政策清单（公开，二维码指向）', params: listParams },
    config: { access: { permission: 'public' } },
    handler: async (request) => policyListContent(app, request.params.code, today(app)),
  });

  r.get('/api/public/policy-notices', {
    schema: { tags: ['公开'], summary: '公示中的惠企政策兑现名单（公开）' },
    config: { access: { permission: 'public' } },
    handler: async () => listNotices(app, { page: 1, pageSize: 200 }),
  });

  r.get('/p/policies/:code', {
    schema: { hide: true, params: listParams },
    handler: async (request, reply) => {
      let content;
      try {
        content = await policyListContent(app, request.params.code, today(app));
      } catch (error) {
        if (error instanceof Problem && error.status === 404) {
          return reply
            .code(404)
            .type('text/html')
            .send(page('政策清单不存在', '<main><section>政策清单不存在。</section></main>'));
        }
        throw error;
      }
      const policies = content.policies
        .map(
          (p) => `<section><h2>${esc(p.title)}</h2>
<div class="meta">${esc(p.issuer)}${p.docNumber ? ` · ${esc(p.docNumber)}` : ''} · ${esc(p.date)}</div>
${p.rules
  .map(
    (rule) => `<h3>${esc(rule.title)}</h3>
<div class="meta">主管部门：${esc(rule.ownerLabel)} · ${esc(rule.fulfilmentLabel)} · 出处 ${esc(rule.source)}${rule.inForce ? '' : ' · 已不在有效期'}</div>
${rule.benefit.formula ? `<div>标准：${esc(rule.benefit.label)} = ${esc(rule.benefit.formula)}</div>` : ''}
<ul>${rule.conditions.map((c) => `<li>${esc(c.trim())}</li>`).join('')}</ul>
<div class="claim">${esc(rule.howToClaim)}</div>`,
  )
  .join('')}</section>`,
        )
        .join('');
      return reply
        .type('text/html')
        .header('cache-control', 'no-cache')
        .send(
          page(
            content.name,
            `<header><h1>${esc(content.name)}</h1><p>${esc(content.description)} · 共 ${content.policies.length} 项政策 · 截至 ${esc(content.asOf)}</p></header>
<main>${policies || '<section>暂无已发布的政策。</section>'}
<section class="meta">依据：${esc(content.source)}“以二维码形式向企业推送……政府部门惠企政策清单”。登录双胜平台“政策匹配”可查看本企业可享受的政策和金额并在线申请。</section></main>`,
          ),
        );
    },
  });

  r.get('/p/policy-notices', {
    schema: { hide: true },
    handler: async (_request, reply) => {
      const notices = await listNotices(app, { page: 1, pageSize: 200 });
      const rows = notices.items
        .map(
          (n) =>
            `<tr><td>${esc(n.enterpriseName)}<div class="meta">${esc(n.creditCode)} · ${esc(n.countyName ?? '')}</div></td><td>${esc(n.ruleTitle)}<div class="meta">${esc(n.departmentLabel)}部门 · ${esc(n.ruleSource)}</div></td><td class="amount">${fenToYuanText(n.amountFen)} 元</td><td>${esc(n.noticeStart ?? '')} 至 ${esc(n.noticeEnd ?? '')}</td></tr>`,
        )
        .join('');
      return reply
        .type('text/html')
        .header('cache-control', 'no-cache')
        .send(
          page(
            '惠企政策兑现公示',
            `<header><h1>惠企政策兑现公示</h1><p>公示期内对名单有异议的，请登录双胜平台“兑现公示”提出，或向主管部门反映。</p></header>
<main><section><table><thead><tr><th>企业</th><th>政策条款</th><th class="amount">金额</th><th>公示期</th></tr></thead><tbody>${rows || '<tr><td colspan="4">当前没有公示中的名单。</td></tr>'}</tbody></table></section></main>`,
          ),
        );
    },
  });
}
