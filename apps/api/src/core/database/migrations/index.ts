import { InitialSchema1764230400000 } from './1764230400000-initial-schema.js';

/** Every migration, in order. Explicit on purpose: no globs (they break between ts sources and compiled output). */
export const MIGRATIONS = [InitialSchema1764230400000];
