import { fuzzEndpoints } from './endpoint-fuzz';

// The first half of the endpoints, and the check that every route has a fuzz spec.
await fuzzEndpoints(0);
