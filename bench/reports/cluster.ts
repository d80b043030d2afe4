export async function benchCluster() {}
