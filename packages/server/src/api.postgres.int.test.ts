import { describeApiSuite } from './testing/api-suite.js';

describeApiSuite('postgres');
