// The control plane has no code yet (see README.md). This module keeps the workspace buildable
// so `npm run build` and `npm run typecheck` cover it from the first commit.
export {};
