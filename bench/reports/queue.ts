export async function benchQueue() {}
