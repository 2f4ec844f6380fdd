import { notFound } from "next/navigation";
import { PRODUCTS } from "../../products";
import { BuyButton } from "./buy-button";

export default async function Product({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const product = PRODUCTS[id];
  if (!product) notFound();
  return (
    <main>
      <h1>{product.name}</h1>
      <p>{product.blurb}</p>
      <p>${product.price}</p>
      <BuyButton id={id} />
    </main>
  );
}
