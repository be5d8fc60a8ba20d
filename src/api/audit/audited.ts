import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Reflector } from '@nestjs/core';

const AUDIT_OBJECT = Symbol('AUDIT_OBJECT');
const AUDIT_READ = Symbol('AUDIT_READ');

interface ObjectKind {
  readonly type: string;
  /** Where a route without parameters finds its object's id: this field of its answer. */
  readonly idField?: string;
}

/**
 * What a controller's routes act on (on the class; a route may override it). The object's id is
 * derived: the route's parameters, else the answer's `idField` (a new application's number).
 */
export const AuditObject = (type: string, idField?: string) =>
  SetMetadata(AUDIT_OBJECT, { type, ...(idField && { idField }) } satisfies ObjectKind);

/** A GET whose answer holds personal data: audited like a write. Other GETs are audited only when refused. */
export const AuditRead = () => SetMetadata(AUDIT_READ, true);

/** How the audit log sees a route: all of it derived from the route and its two decorators. */
export interface AuditedRoute {
  /** `<controller>.<handler>`, e.g. `applications.get`, `admin.policy`, `console.reset`. */
  readonly action: string;
  /** Writes (every method but GET) and reads marked AuditRead; every route is audited when refused. */
  readonly onSuccess: boolean;
  readonly objectType: string;
  readonly idField?: string;
  /** The status a success answers with. */
  readonly successStatus: number;
}

export function describeRoute(reflector: Reflector, context: ExecutionContext): AuditedRoute {
  const handler = context.getHandler();
  const controller = context.getClass();
  const method = context.switchToHttp().getRequest<{ method: string }>().method;
  const area = controller.name.replace(/Controller$/, '');
  const kind = reflector.getAllAndOverride<ObjectKind | undefined>(AUDIT_OBJECT, [
    handler,
    controller,
  ]);
  return {
    action: `${area.charAt(0).toLowerCase()}${area.slice(1)}.${handler.name}`,
    onSuccess: method !== 'GET' || reflector.get<boolean>(AUDIT_READ, handler) === true,
    objectType: kind?.type ?? area.toLowerCase(),
    ...(kind?.idField && { idField: kind.idField }),
    successStatus:
      reflector.get<number | undefined>(HTTP_CODE_METADATA, handler) ??
      (method === 'POST' ? 201 : 200),
  };
}
