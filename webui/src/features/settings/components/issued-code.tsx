'use client';
import type { IssuedAccessCode } from '@vozlia/contract';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** The new code, once: it is stored only as a hash, so closing this loses it for good. */
export function IssuedCode({ issued }: { issued: IssuedAccessCode }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="stack">
      <p>
        Your new {issued.actor_mode === 'owner' ? 'owner' : 'customer'} code is
      </p>
      <p className="code-once" data-testid="issued-code" aria-label={`Access code ${issued.code.split('').join(' ')}`}>
        {issued.code}
      </p>
      <p className="muted">Write it down now: it is shown only this once. Callers dial your shared number and enter it to reach your business{issued.actor_mode === 'owner' ? ' as the owner' : ''}.</p>
      <div className="row">
        <Button
          onClick={() =>
            void navigator.clipboard?.writeText(issued.code).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          Copy code
        </Button>
        <span role="status" className="small">
          {copied ? 'Copied.' : ''}
        </span>
      </div>
    </div>
  );
}
