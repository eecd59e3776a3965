import { hm } from '../features/kit/opening-hours.js';
import type { MenuInput } from '../features/order_placing/menu.js';

export const DEMO_RESTAURANT = 'demo_restaurant';
export const DEMO_TAX_RATE_PERCENT = 8.875;

const size = [
  { name: 'large', priceDeltaCents: 400 },
  { name: 'gluten-free crust', priceDeltaCents: 300 },
  { name: 'extra cheese', priceDeltaCents: 200 },
];
const pizzaToppings = [
  ...size,
  { name: 'mushrooms', priceDeltaCents: 150 },
  { name: 'pepperoni', priceDeltaCents: 200 },
  { name: 'olives', priceDeltaCents: 150 },
];
const pasta = [
  { name: 'gluten-free pasta', priceDeltaCents: 300 },
  { name: 'add chicken', priceDeltaCents: 500 },
  { name: 'add shrimp', priceDeltaCents: 700 },
];

/** Luigi's Trattoria: kitchen hours, delivery and 18 items with options. */
export const DEMO_MENU: MenuInput = {
  currency: 'USD',
  taxRatePercent: DEMO_TAX_RATE_PERCENT,
  prepMinutes: 20,
  maxDaysAhead: 7,
  delivery: { enabled: true, feeCents: 399, minimumCents: 2000 },
  hours: {
    weekly: [
      { days: [1, 2, 3, 4], open: hm('11:30'), close: hm('21:30') },
      { days: [5, 6], open: hm('11:30'), close: hm('22:30') },
      { days: [7], open: hm('12:00'), close: hm('21:00') },
    ],
    overrides: [
      { date: '2026-12-25', ranges: [] },
      { date: '2026-12-31', ranges: [{ open: hm('11:30'), close: hm('18:00') }] },
      { date: '2027-01-01', ranges: [] },
    ],
  },
  categories: [
    {
      name: 'Starters',
      items: [
        { id: 'garlic-bread', name: 'Garlic Bread', description: 'Toasted bread, garlic butter, parsley', priceCents: 650, options: [{ name: 'add mozzarella', priceDeltaCents: 200 }] },
        { id: 'bruschetta', name: 'Bruschetta', description: 'Tomato, basil, garlic on grilled bread', priceCents: 895, options: [] },
        { id: 'calamari', name: 'Fried Calamari', description: 'With marinara', priceCents: 1395, options: [{ name: 'spicy', priceDeltaCents: 0 }] },
        { id: 'caesar', name: 'Caesar Salad', description: 'Romaine, parmesan, croutons', priceCents: 1095, options: [{ name: 'add chicken', priceDeltaCents: 500 }, { name: 'no croutons', priceDeltaCents: 0 }] },
        { id: 'caprese', name: 'Caprese Salad', description: 'Fresh mozzarella, tomato, basil', priceCents: 1195, options: [] },
      ],
    },
    {
      name: 'Pizza',
      items: [
        { id: 'margherita', name: 'Margherita Pizza', description: 'Tomato, mozzarella, basil', priceCents: 1495, options: pizzaToppings },
        { id: 'pepperoni-pizza', name: 'Pepperoni Pizza', description: 'Tomato, mozzarella, pepperoni', priceCents: 1695, options: pizzaToppings },
        { id: 'quattro-formaggi', name: 'Quattro Formaggi Pizza', description: 'Four cheeses', priceCents: 1795, options: size },
        { id: 'veggie-pizza', name: 'Vegetable Pizza', description: 'Peppers, onions, mushrooms, olives', priceCents: 1695, options: pizzaToppings },
        { id: 'diavola', name: 'Diavola Pizza', description: 'Spicy salami, chili oil', priceCents: 1795, options: size },
      ],
    },
    {
      name: 'Pasta',
      items: [
        { id: 'spaghetti-bolognese', name: 'Spaghetti Bolognese', description: 'Slow-cooked beef ragù', priceCents: 1795, options: pasta },
        { id: 'fettuccine-alfredo', name: 'Fettuccine Alfredo', description: 'Cream, butter, parmesan', priceCents: 1695, options: pasta },
        { id: 'penne-arrabbiata', name: 'Penne Arrabbiata', description: 'Spicy tomato sauce (vegan)', priceCents: 1495, options: pasta },
        { id: 'lasagna', name: 'Lasagna', description: 'Beef, béchamel, mozzarella', priceCents: 1895, options: [] },
        { id: 'gnocchi', name: 'Gnocchi al Pesto', description: 'Potato gnocchi, basil pesto (contains pine nuts)', priceCents: 1795, options: [{ name: 'add chicken', priceDeltaCents: 500 }] },
      ],
    },
    {
      name: 'Desserts',
      items: [
        { id: 'tiramisu', name: 'Tiramisu', description: 'Espresso, mascarpone, cocoa', priceCents: 850, options: [] },
        { id: 'cannoli', name: 'Cannoli', description: 'Two shells, ricotta, chocolate chips', priceCents: 750, options: [] },
        { id: 'panna-cotta', name: 'Panna Cotta', description: 'With berry sauce (gluten-free)', priceCents: 800, options: [] },
      ],
    },
    {
      name: 'Drinks',
      items: [
        { id: 'soda', name: 'Soda', description: 'Coke, Diet Coke, Sprite', priceCents: 300, options: [{ name: 'Coke', priceDeltaCents: 0 }, { name: 'Diet Coke', priceDeltaCents: 0 }, { name: 'Sprite', priceDeltaCents: 0 }] },
        { id: 'san-pellegrino', name: 'San Pellegrino', description: 'Sparkling water, 750 ml', priceCents: 500, options: [] },
      ],
    },
  ],
};
