import { getClassMetadata, getPropertyMetadata, saveClassMetadata, savePropertyMetadata } from '@midwayjs/core';
import type { Audience } from './principal';

const AUDIENCE_KEY = 'escort:access:audience';
const PERMISSIONS_KEY = 'escort:access:permissions';
const PUBLIC_KEY = 'escort:access:public';

/** Every route of this controller needs a token of this audience. */
export function Audience(audience: Audience): ClassDecorator {
  return target => saveClassMetadata(AUDIENCE_KEY, audience, target);
}

/** The route needs all these permission strings (staff routes). */
export function RequirePermission(...permissions: string[]): MethodDecorator {
  return (target, propertyKey) => savePropertyMetadata(PERMISSIONS_KEY, permissions, target, propertyKey);
}

/** No token needed (login, health, signed callbacks). Use sparingly: everything else is closed by default. */
export function Public(): ClassDecorator & MethodDecorator {
  return ((target: any, propertyKey?: string | symbol) => {
    if (propertyKey === undefined) saveClassMetadata(PUBLIC_KEY, true, target);
    else savePropertyMetadata(PUBLIC_KEY, true, target, propertyKey);
  }) as ClassDecorator & MethodDecorator;
}

export interface AccessRule {
  isPublic: boolean;
  audience?: Audience;
  permissions: string[];
}

export function readAccessRule(controller: any, methodName: string): AccessRule {
  const isPublic = Boolean(
    getPropertyMetadata(PUBLIC_KEY, controller, methodName) ?? getClassMetadata(PUBLIC_KEY, controller)
  );
  return {
    isPublic,
    audience: getClassMetadata(AUDIENCE_KEY, controller),
    permissions: getPropertyMetadata(PERMISSIONS_KEY, controller, methodName) ?? [],
  };
}
