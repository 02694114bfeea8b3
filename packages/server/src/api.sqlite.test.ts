import { describeApiSuite } from './testing/api-suite.js';

describeApiSuite('sqlite');
