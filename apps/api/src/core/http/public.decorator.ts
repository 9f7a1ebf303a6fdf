import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'sift:public';
/** The endpoint needs no login (readers, publishers with their own guard, health). Everything else does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
