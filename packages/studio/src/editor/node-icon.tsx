import {
  Banknote,
  Box,
  Check,
  Clock,
  Code,
  CreditCard,
  Database,
  FileText,
  GitBranch,
  GitMerge,
  Globe,
  type LucideIcon,
  OctagonX,
  PackageCheck,
  PackageSearch,
  Pencil,
  Plug,
  Receipt,
  Repeat,
  Reply,
  ShoppingCart,
  Shuffle,
  Split,
  SquarePlus,
  Stamp,
  Terminal,
  Truck,
  Undo2,
  UserPlus,
  UserSearch,
  Warehouse,
  Webhook,
} from 'lucide-react';

// Manifests name their icon (plain data); the studio knows these names. Each is imported on its
// own so the bundle carries only these.
const ICONS: Record<string, LucideIcon> = {
  banknote: Banknote,
  branch: GitBranch,
  check: Check,
  clock: Clock,
  code: Code,
  'credit-card': CreditCard,
  database: Database,
  'fan-out': Split,
  'file-text': FileText,
  globe: Globe,
  loop: Repeat,
  merge: GitMerge,
  odoo: Warehouse,
  'package-check': PackageCheck,
  'package-search': PackageSearch,
  pencil: Pencil,
  'plus-square': SquarePlus,
  receipt: Receipt,
  reply: Reply,
  'shopping-cart': ShoppingCart,
  stamp: Stamp,
  stop: OctagonX,
  terminal: Terminal,
  transform: Shuffle,
  truck: Truck,
  'undo-2': Undo2,
  'user-plus': UserPlus,
  'user-search': UserSearch,
  warehouse: Warehouse,
  webhook: Webhook,
};

/**
 * The icon a manifest names; a data: URL is shown as an image, an unknown name as a plug (a
 * connector the studio has no picture for) or a box.
 *
 * @example
 * <NodeIcon name="truck" category="carrier" />
 */
export function NodeIcon({ name, category }: { name: string | undefined; category: string }) {
  if (name?.startsWith('data:image/'))
    return <img className="wb-icon" src={name} alt="" width={16} height={16} />;
  const Icon = (name && ICONS[name]) || (category === 'core' ? Box : Plug);
  return <Icon className="wb-icon" size={16} aria-hidden="true" />;
}
