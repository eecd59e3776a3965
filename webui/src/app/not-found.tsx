import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="center-page">
      <div className="card auth-card">
        <h1>Page not found</h1>
        <p className="muted">The address may be mistyped, or the page has moved.</p>
        <Link href="/">Go to your portal</Link>
      </div>
    </main>
  );
}
