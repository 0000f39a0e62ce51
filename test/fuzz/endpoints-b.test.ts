import { fuzzEndpoints } from './endpoint-fuzz';

// The second half of the endpoints; endpoints-a.test.ts has the first.
await fuzzEndpoints(1);
