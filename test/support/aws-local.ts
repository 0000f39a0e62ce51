import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** s3rver, a real S3-compatible HTTP server, on loopback with one bucket. */
export async function startS3(bucket: string) {
  const directory = await mkdtemp(join(tmpdir(), 'apel-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'local',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    endpoint,
    async read(key: string) {
      const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return {
        body: (await out.Body?.transformToString('utf-8')) ?? '',
        contentType: out.ContentType,
      };
    },
    async keys(prefix = '') {
      const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (out.Contents ?? []).map((o) => o.Key as string).sort();
    },
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * An SNS endpoint on loopback that records Publish calls (the SDK's query protocol) and answers
 * as SNS does. There is no SNS emulator on npm; this checks what the function sends.
 * `failNext(n)` answers the next n calls with SNS's 500 InternalError, recording nothing.
 */
export async function startSnsRecorder() {
  const published: { topicArn: string; subject: string; message: string }[] = [];
  let failing = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      const p = new URLSearchParams(body);
      if (failing > 0) {
        failing--;
        res.writeHead(500, { 'content-type': 'text/xml' });
        res.end(
          '<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code>' +
            '<Message>injected</Message></Error><RequestId>r</RequestId></ErrorResponse>',
        );
        return;
      }
      if (p.get('Action') !== 'Publish') {
        res.writeHead(400).end();
        return;
      }
      published.push({
        topicArn: p.get('TopicArn') ?? '',
        subject: p.get('Subject') ?? '',
        message: p.get('Message') ?? '',
      });
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(
        '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult>' +
          `<MessageId>m-${published.length}</MessageId></PublishResult>` +
          '<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishResponse>',
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    published,
    failNext(n: number) {
      failing = n;
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * The daily-report function's environment for a test: its table on `dynamoEndpoint`, the bucket
 * on s3rver, the topic on the SNS recorder. Set before the handler is imported (it reads it once).
 */
export function useReportEnv(o: {
  tableName: string;
  dynamoEndpoint: string;
  bucket: string;
  topicArn: string;
  s3: { endpoint: string };
  sns: { endpoint: string };
}) {
  Object.assign(process.env, {
    TABLE_NAME: o.tableName,
    DYNAMODB_ENDPOINT: o.dynamoEndpoint,
    REPORTS_BUCKET: o.bucket,
    REPORTS_TOPIC_ARN: o.topicArn,
    S3_ENDPOINT: o.s3.endpoint,
    SNS_ENDPOINT: o.sns.endpoint,
    AWS_REGION: 'ap-southeast-3',
    // s3rver's fixed keys.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    LOG_LEVEL: 'SILENT',
  });
}

export type S3Local = Awaited<ReturnType<typeof startS3>>;
export type SnsRecorder = Awaited<ReturnType<typeof startSnsRecorder>>;
