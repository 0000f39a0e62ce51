import { createDynamoClients } from '../../functions/adapters/dynamo/client';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { silentLogger } from '../../functions/adapters/logger';
import { FilePublisher } from '../../functions/adapters/publish/file-publisher';
import { publishReport } from '../../functions/core/publish';
import { monthRecap } from '../../functions/core/recap-days';
import { startDynalite } from '../../functions/local/dynalite';
import { seededStore, workingCopy } from './cache';
import { TABLE } from './seed-disk';

const p = await seededStore(10000);
const path = await workingCopy(p.path, '/tmp/b250/probe/dynamodb');
const dyn = await startDynalite({ path });
const { client, doc } = createDynamoClients({ endpoint: dyn.endpoint, timeouts: null });
client.middlewareStack.add(
  (next, ctx) => async (args) => {
    const t = performance.now();
    const input = args.input as any;
    input.ReturnConsumedCapacity = 'TOTAL';
    const r = await next(args);
    const out = r.output as any;
    if (process.env.LOG)
      console.error(
        ctx.commandName,
        JSON.stringify(input.ExpressionAttributeValues ?? input.Key ?? '').slice(0, 80),
        out.ConsumedCapacity?.CapacityUnits,
        (out.Items ?? []).length,
        (performance.now() - t).toFixed(0),
        'ms',
      );
    return r;
  },
  { step: 'initialize', name: 'probe' },
);
const stores = createStores(doc, TABLE);
const publisher = new FilePublisher('/tmp/b250/probe/files', silentLogger);
for (const date of ['2026-10-01', '2026-10-02']) {
  const t = performance.now();
  await publishReport(
    { stores, publisher, clock: { now: () => new Date(`${date}T23:00:00Z`) } },
    date,
  );
  console.error('published', date, (performance.now() - t).toFixed(0));
}
process.env.LOG = '1';
const t = performance.now();
const r = await monthRecap(
  { stores, publisher, clock: { now: () => new Date('2026-10-02T23:00:00Z') } },
  '2026-10',
  'pagi',
);
console.error('recap', r.published, r.pending, (performance.now() - t).toFixed(0));
client.destroy();
await dyn.close();
