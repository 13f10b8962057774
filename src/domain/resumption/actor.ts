/** Who acts on the resumption workflow. Authorisation beyond these checks (data scope) lives in the store layer. */

export type ActorRole =
  | 'enterprise' // 企业
  | 'department' // 部门 (the lead department is a department whose code is the application's lead)
  | 'grid_officer' // 网格员
  | 'liaison' // 驻企联络员
  | 'command_centre' // 指挥部
  | 'system'; // scheduled jobs

export interface Actor {
  readonly userId: string;
  readonly role: ActorRole;
  /** For enterprise users: the enterprise they act for. */
  readonly enterpriseId?: string;
  /** For department users: their department (e.g. `gxj-360111`). */
  readonly departmentCode?: string;
  /** Display name for the timeline (e.g. 王芳). */
  readonly name?: string;
}

export interface ActorRef {
  readonly userId: string;
  readonly role: ActorRole;
  readonly departmentCode?: string;
  readonly name?: string;
}

export function actorRef(actor: Actor): ActorRef {
  const ref: { userId: string; role: ActorRole; departmentCode?: string; name?: string } = {
    userId: actor.userId,
    role: actor.role,
  };
  if (actor.departmentCode !== undefined) ref.departmentCode = actor.departmentCode;
  if (actor.name !== undefined) ref.name = actor.name;
  return ref;
}

export const ROLE_LABELS: Readonly<Record<ActorRole, string>> = {
  enterprise: '企业',
  department: '部门',
  grid_officer: '网格员',
  liaison: '驻企联络员',
  command_centre: '指挥部',
  system: '系统',
};

/** Result of every pure transition: the new state and the events to record, or a Chinese error message. */
export type Transition<S, E> =
  | { ok: true; state: S; events: E[] }
  | { ok: false; error: string; /** Every problem at once (一次性告知), when there are several. */ issues?: string[] };

export function fail<S, E>(error: string, issues?: string[]): Transition<S, E> {
  return issues && issues.length ? { ok: false, error, issues } : { ok: false, error };
}

/** Attachment reference (the file itself lives in object storage). */
export interface AttachmentRef {
  readonly fileId: string;
  readonly name: string;
  /** `image/jpeg`, `application/pdf` … */
  readonly mediaType?: string;
  readonly sha256?: string;
}

/** An action without its `expectedVersion` (distributes over unions), e.g. for forms that add the version last. */
export type Unversioned<A> = A extends unknown ? Omit<A, 'expectedVersion'> : never;
