import { PRODUCTS } from "./products";

export default function Home() {
  return (
    <main>
      <h1>Shop</h1>
      <p>A small App Router app that Vigil monitors: vitals from the browser, request metrics over OTLP.</p>
      <ul>
        {Object.entries(PRODUCTS).map(([id, p]) => (
          <li key={id}>
            <a href={`/products/${id}`}>{p.name}</a> · ${p.price}
          </li>
        ))}
      </ul>
    </main>
  );
}
