import { describeConnectorContract } from '@waybill/connector-kit/testing';
import { salesforceConnector } from './connector.js';

describeConnectorContract(salesforceConnector);
