import { parseArgs } from 'node:util';
import { configOrExit, createLogger, ensureMigrated, installAuditKeys, openConfiguredDb, seed } from '../bootstrap';
import { AppError } from '../lib/errors';
import { randomToken } from '../lib/crypto';
import { setupOffice } from '../seed/office';

/** npm run setup:office -- --city-code 330100 --city-name 某市 --office 某市委网信办 [--admin admin] */
const { values } = parseArgs({
  options: {
    'city-code': { type: 'string' }, 'city-name': { type: 'string' }, office: { type: 'string' }, admin: { type: 'string', default: 'admin' },
  },
});
const config = configOrExit();
const handle = await openConfiguredDb(config);
await ensureMigrated(handle, false, createLogger(config));
await seed(handle, config, false);
installAuditKeys(config);
const password = `Tl-${randomToken(12)}`;
try {
  await setupOffice(handle.db, {
    cityCode: values['city-code'] ?? '', cityName: values['city-name'] ?? '', officeName: values.office ?? '',
    adminUsername: values.admin!, adminPassword: password,
  }, new Date());
  console.log(`已创建 ${values['city-name']} / ${values.office}，管理员 ${values.admin}，初始密码 ${password}（请登录后立即修改）`);
} catch (err) {
  console.error(err instanceof AppError ? `${err.code}: ${err.message}` : err);
  process.exitCode = 1;
} finally {
  await handle.close();
}
