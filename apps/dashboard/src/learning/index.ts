import type { ResourceProps } from 'react-admin';
import { LearningPage } from './LearningPage';

/** Learning (staff read, admins act): the site's learned insult model versions, one page (docs/rules.md). */
export const learning = { name: 'learned-models', list: LearningPage, options: { label: 'Learning' } } satisfies ResourceProps;
