const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const usdWhole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const plain = new Intl.NumberFormat('en-US');

/** Integer cents → "$1,234.50". */
export const formatCents = (cents: number) => usd.format(cents / 100);
/** For chart axes: "$1,235". */
export const formatCentsWhole = (cents: number) => usdWhole.format(cents / 100);
export const formatCount = (n: number) => plain.format(n);
