import type { ModelDef } from '../orm/types.js';
import { accountMove, accountMoveLine } from './account.js';
import { accountJournal, accountPayment, simAllocation } from './account-payments.js';
import { BASE_MODELS } from './base.js';
import { accountMoveReversal } from './move-reversal.js';
import { accountPaymentRegister } from './payment-register.js';
import { productPricelist } from './pricelist.js';
import { PRODUCT_MODELS } from './product.js';
import { SALE_MODELS } from './sale.js';
import { saleOrderCancel } from './sale-cancel.js';
import { saleAdvancePaymentInv } from './sale-invoicing.js';
import { stockMoveLine } from './stock.js';
import { stockLocation, stockPickingType, stockWarehouse } from './stock-locations.js';
import { stockMove, stockPicking, stockQuant } from './stock-models.js';
import { STOCK_WIZARDS } from './stock-wizards.js';
import { accountTax } from './taxes.js';

/** Every model the simulator knows, in the order their seed data is loaded. */
export const ALL_MODELS: readonly ModelDef[] = [
  ...BASE_MODELS,
  ...PRODUCT_MODELS,
  productPricelist,
  accountTax,
  stockLocation,
  stockWarehouse,
  stockPickingType,
  stockQuant,
  stockMoveLine,
  stockMove,
  stockPicking,
  ...STOCK_WIZARDS,
  ...SALE_MODELS,
  saleOrderCancel,
  saleAdvancePaymentInv,
  accountJournal,
  accountMove,
  accountMoveLine,
  accountPayment,
  simAllocation,
  accountPaymentRegister,
  accountMoveReversal,
];
