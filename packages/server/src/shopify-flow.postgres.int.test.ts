import { describeShopifyFlowSuite } from './testing/shopify-flow-suite.js';

describeShopifyFlowSuite('postgres');
