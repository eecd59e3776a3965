import type { KbDocumentUpdated } from '../features/knowledge_base/events.js';

type Doc = Omit<KbDocumentUpdated, 'tenantId'>;

export const DEMO_DOCUMENTS: Record<string, Doc[]> = {
  demo_restaurant: [
    {
      documentId: 'hours-location',
      title: 'Hours and location',
      format: 'markdown',
      body: `# Opening hours
Luigi's Trattoria is open Monday to Thursday from 11:30 AM to 9:30 PM, Friday and Saturday from 11:30 AM to 10:30 PM, and Sunday from noon to 9 PM. The kitchen takes its last order 15 minutes before closing.

# Holidays
We are closed on Christmas Day and New Year's Day. On New Year's Eve we close at 6 PM.

# Address
We are at 214 Mulberry Street, New York, NY 10012, between Prince and Spring Street.

# Parking
There is no dedicated parking. Street parking is metered until 7 PM. The closest garage is Icon Parking at 180 Mott Street, two blocks away. We validate two hours at that garage for dine-in guests.`,
    },
    {
      documentId: 'allergens',
      title: 'Allergens and dietary options',
      format: 'markdown',
      body: `# Gluten-free options
We offer a gluten-free pizza crust for any pizza for $3 extra and gluten-free pasta for any pasta dish for $3 extra. The panna cotta is gluten-free. Our kitchen uses wheat flour, so we cannot guarantee there is no cross-contact for people with celiac disease.

# Nuts
The Gnocchi al Pesto contains pine nuts. The cannoli shells are made in a facility that handles tree nuts.

# Vegetarian and vegan
The Margherita, Vegetable Pizza, Caprese Salad and Penne Arrabbiata are vegetarian. The Penne Arrabbiata is vegan. Pizzas can be made without cheese on request.

# Dairy and eggs
The Fettuccine Alfredo, Tiramisu and Panna Cotta contain dairy. The Tiramisu contains raw egg.`,
    },
    {
      documentId: 'delivery',
      title: 'Delivery and pickup',
      format: 'markdown',
      body: `# Delivery area
We deliver within about 1.5 miles of the restaurant: SoHo, Nolita, Little Italy, Chinatown, the Lower East Side and the East Village below 14th Street. Delivery costs $3.99 and the minimum order is $20 before tax. Delivery usually takes 35 to 50 minutes.

# Pickup
Pickup orders are usually ready in about 20 minutes. Please give your name at the counter.

# Payment
We accept cash and all major credit cards. Phone orders are paid at pickup or to the driver.`,
    },
  ],
  demo_barbershop: [
    {
      documentId: 'shop-info',
      title: 'Shop information',
      format: 'markdown',
      body: `# Opening hours
Sharp Cuts is open Tuesday to Friday from 9 AM to 7 PM, Saturday from 9 AM to 5 PM, and Sunday from 10 AM to 3 PM. We are closed on Mondays, Christmas Day and New Year's Day. On Christmas Eve we close at 1 PM.

# Address and parking
We are at 88 Court Street, Brooklyn, NY 11201. There is free parking behind the building after 6 PM and metered street parking during the day.

# Walk-ins
Walk-ins are welcome when a chair is free, but appointments have priority.`,
    },
    {
      documentId: 'policies',
      title: 'Prices and policies',
      format: 'markdown',
      body: `# Prices
A haircut is $35, a skin fade $40, a beard trim $20, a haircut and beard $50, a kids cut (under 12) $25, a hot towel shave $35 and a buzz cut $20.

# Cancellations
Please cancel at least 2 hours ahead. After two no-shows we ask for a deposit for future bookings.

# Payment
We accept cash, cards and Apple Pay. Tips are welcome in cash or on the card reader.

# Barbers
Marco specialises in classic cuts and hot towel shaves. Dre is our fade specialist. Sam is great with kids and curly hair.`,
    },
  ],
};
