import { directoryPolicy } from '../../lib/policy';

/** Who may do what with units; routes name these, the auth hook checks them. */
export const unitsPolicy = directoryPolicy('admin.units.manage');
