// What other modules use of audit besides events.service (appendEvent): verifying the hash chains.
export { verifyChains, type AuditVerification, type ChainProblem, type CheckpointProblem } from './log-verify';
