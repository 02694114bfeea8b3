import { describeConnectorContract } from '@waybill/connector-kit/testing';
import { shopifyConnector } from './connector.js';

describeConnectorContract(shopifyConnector);
