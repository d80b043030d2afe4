import { directoryPolicy } from '../../lib/policy';

/** Who may do what with jurisdictions; routes name these, the auth hook checks them. */
export const jurisdictionsPolicy = directoryPolicy('admin.jurisdictions.manage');
