import { RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  Billing,
  type GlobalSecondaryIndexPropsV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { createTableInput, TTL_ATTRIBUTE } from '../../functions/adapters/dynamo/table';

/**
 * The table actions a function may be granted. None is `DeleteItem` (the app retires and
 * revokes records instead of deleting them; TTL expires attempts) and none is `Scan` (no
 * request path and no report needs one).
 */
export const TABLE_READ = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
] as const;
export const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem'] as const;

/** How a function may write the table. */
export interface TableWrites {
  /**
   * Limit writes to items whose partition key matches one of these patterns
   * (IAM `dynamodb:LeadingKeys`, `*` matches anything).
   * @default - any item
   */
  readonly partitionKeys?: readonly string[];
}

export interface DataProps {
  /**
   * What happens to the table when it leaves the stack. Check-ins are the record of
   * attendance, so they outlive the stack; deletion protection guards the table as well.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The stateful core: the one DynamoDB table, on demand, with point-in-time recovery,
 * deletion protection and TTL. Its keys are those of `functions/adapters/dynamo/table.ts`,
 * the same description the local server and the tests create tables from.
 */
export class Data extends Construct {
  readonly table: TableV2;
  readonly indexNames: readonly string[];

  constructor(scope: Construct, id: string, props: DataProps = {}) {
    super(scope, id);
    const { keys, indexes } = schemaOf(createTableInput('schema'));
    this.indexNames = indexes.map((i) => i.indexName);
    this.table = new TableV2(this, 'Table', {
      ...keys,
      globalSecondaryIndexes: indexes,
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
  }

  /** Read the table and query its indexes (named, so the policy holds no wildcard). */
  grantRead(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...TABLE_READ],
        resources: [this.table.tableArn, ...this.indexNames.map((n) => this.indexArn(n))],
      }),
    );
  }

  /** Put and update items (never `DeleteItem`), as narrowly as `writes` says. */
  grantWrite(grantee: IGrantable, writes: TableWrites = {}): void {
    const { partitionKeys } = writes;
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        // Never BatchWriteItem: IAM cannot tell a batch's puts from its deletes.
        actions: [...TABLE_WRITE],
        resources: [this.table.tableArn],
        conditions: partitionKeys && {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...partitionKeys] },
        },
      }),
    );
  }

  private indexArn(indexName: string): string {
    return `${this.table.tableArn}/index/${indexName}`;
  }
}

type TableInput = ReturnType<typeof createTableInput>;

/** The CreateTable description, as TableV2 props: string keys, indexes projecting ALL. */
function schemaOf(input: TableInput) {
  const attribute = (name: string | undefined): Attribute => {
    const type = input.AttributeDefinitions?.find((a) => a.AttributeName === name);
    if (!name || type?.AttributeType !== 'S') throw new Error(`no string key ${name}`);
    return { name, type: AttributeType.STRING };
  };
  const keysOf = (schema: TableInput['KeySchema']) => ({
    partitionKey: attribute(schema?.find((k) => k.KeyType === 'HASH')?.AttributeName),
    sortKey: attribute(schema?.find((k) => k.KeyType === 'RANGE')?.AttributeName),
  });
  const indexes = (input.GlobalSecondaryIndexes ?? []).map(
    (gsi): GlobalSecondaryIndexPropsV2 & { indexName: string } => {
      if (!gsi.IndexName || gsi.Projection?.ProjectionType !== 'ALL') {
        throw new Error(`index ${gsi.IndexName}: only named indexes projecting ALL`);
      }
      return { indexName: gsi.IndexName, ...keysOf(gsi.KeySchema) };
    },
  );
  return { keys: keysOf(input.KeySchema), indexes };
}
