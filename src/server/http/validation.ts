import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { FieldError } from './problem.ts';
import { badRequest } from './problem.ts';

/** The label of the field at `path` inside `schema`: the text given to `.describe()`. */
export function labelAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let current: z.ZodType | undefined = schema;
  let label: string | undefined = descriptionOf(current);
  for (const key of path) {
    current = current ? unwrap(current) : undefined;
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[String(key)];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else current = undefined;
    label =
      (current && descriptionOf(current)) ?? (typeof key === 'number' ? `${label ?? ''}第${key + 1}项` : undefined);
  }
  return label;
}

const wrapped = (s: z.ZodType): z.ZodType | null => {
  if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault)
    return s.unwrap() as z.ZodType;
  if (s instanceof z.ZodPipe) return s.in as z.ZodType;
  return null;
};

/** The first description met going inwards through optional, nullable, default and transform wrappers. */
function descriptionOf(schema: z.ZodType): string | undefined {
  for (let s: z.ZodType | null = schema; s; s = wrapped(s)) if (s.description) return s.description;
  return undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let inner = wrapped(s); inner; inner = wrapped(s)) s = inner;
  return s;
}

export function zodIssuesToFieldErrors(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const label = labelAt(schema, issue.path) ?? field;
    // Messages from refinements already start with the label (`统一社会信用代码：…`); don't repeat it.
    const message = label && !issue.message.startsWith(label) ? `${label}：${issue.message}` : issue.message;
    return { field, message };
  });
}

/** Parse a value against a schema or throw a 400 problem listing every failing field in Chinese. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = zodIssuesToFieldErrors(schema, result.error.issues);
  throw badRequest(errors.map((e) => e.message).join('；'), errors[0]?.field, errors);
}

/** Fastify validator compiler: Zod schemas, Chinese messages naming the field. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => {
  return (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const errors = zodIssuesToFieldErrors(schema, result.error.issues);
    return { error: badRequest(errors.map((e) => e.message).join('；'), errors[0]?.field, errors) };
  };
};
