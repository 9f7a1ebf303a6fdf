import { SetMetadata } from '@nestjs/common';
import type { Role } from '@sift/shared';

export const ROLES_KEY = 'sift:roles';
/** Roles allowed on top of being logged in. Without it, any staff role (admin, moderator) may call. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
