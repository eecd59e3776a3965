// The control plane, mounted by the backend's composition root (see README.md).
export * from './accounts/index.js';
