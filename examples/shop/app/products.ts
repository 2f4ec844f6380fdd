export const PRODUCTS: Record<string, { name: string; price: number; blurb: string }> = {
  "1": { name: "Desk lamp", price: 49, blurb: "Warm light for long evenings." },
  "2": { name: "Oak chair", price: 189, blurb: "Sits well, ages better." },
  "3": { name: "Wool rug", price: 240, blurb: "Soft underfoot, quiet in the room." },
};
