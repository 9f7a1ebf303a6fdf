import type { ResourceProps } from 'react-admin';
import { RuleCreate } from './RuleCreate';
import { RuleEdit } from './RuleEdit';
import { RuleList } from './RuleList';

/** Rules (admins): list with quality, the schema-generated form, tester, backtests, versions (docs/rules.md). */
export const rules = { name: 'rules', list: RuleList, edit: RuleEdit, create: RuleCreate, recordRepresentation: 'name' } satisfies ResourceProps;
