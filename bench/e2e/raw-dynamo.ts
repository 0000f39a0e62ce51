import { marshall } from '@aws-sdk/util-dynamodb';
import type autocannon from 'autocannon';
import { checkinItem } from './items';

/**
 * DynamoDB requests sent straight to dynalite, bypassing the app and the SDK: the floor the
 * check-ins are held against. dynalite checks that a request carries an AWS signature header,
 * not the signature itself.
 */
function headers(op: string) {
  return {
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': `DynamoDB_20120810.${op}`,
    'x-amz-date': '20260101T000000Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0',
  };
}

const post = (op: string, body: unknown): autocannon.Request => ({
  method: 'POST',
  path: '/',
  headers: headers(op),
  body: JSON.stringify(body),
});

/** A conditional PutItem of a check-in item, a fresh key each request. */
export function rawPutRequests(tableName: string, tag: string): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: 'POST',
      path: '/',
      setupRequest: (req) => ({
        ...req,
        ...post('PutItem', {
          TableName: tableName,
          Item: marshall(checkinItem(`raw-${tag}-${n++}`, '2026-11-27')),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      }),
    },
  ];
}
