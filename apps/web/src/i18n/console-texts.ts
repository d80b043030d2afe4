/** The console's texts (data only; console-messages.ts registers them, zh-CN.ts takes their keys into MessageKey). */
import { patrolEn } from './patrol.en';
import { patrolZhCN } from './patrol.zh-CN';
import { registryEn } from './registry.en';
import { registryZhCN } from './registry.zh-CN';
import { reportsEn } from './reports.en';
import { reportsZhCN } from './reports.zh-CN';
import { statsEn } from './stats.en';
import { statsZhCN } from './stats.zh-CN';
import { settingsEn } from './settings.en';
import { settingsZhCN } from './settings.zh-CN';

export const consoleZhCN = { ...patrolZhCN, ...reportsZhCN, ...registryZhCN, ...statsZhCN, ...settingsZhCN };
export const consoleEn: Record<keyof typeof consoleZhCN, string> = { ...patrolEn, ...reportsEn, ...registryEn, ...statsEn, ...settingsEn };
