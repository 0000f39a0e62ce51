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

export type S3Local = Awaited<ReturnType<typeof startS3>>;
export type SnsRecorder = Awaited<ReturnType<typeof startSnsRecorder>>;
