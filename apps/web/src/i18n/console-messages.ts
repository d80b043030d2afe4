/**
 * The console's texts, kept out of the public pages' bundle: the console imports this module, which
 * adds them to the dictionaries before any console page renders.
 */
import { addMessages } from '.';
import { consoleEn, consoleZhCN } from './console-texts';

addMessages({ 'zh-CN': consoleZhCN, en: consoleEn });
