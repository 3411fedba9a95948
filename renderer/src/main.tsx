import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api';
import { queryClient } from './data/query';
import { App } from './App';
import { OperationProgress } from './components/OperationProgress';
import { LockGuard } from './lock/LockGuard';
import './styles.css';

createRoot(document.getElementById('root')!, {
  // A page that cannot be shown says so on screen (components/PageStates.tsx). An error
  // from main (a reference that does not exist) is expected there, so it is only noted;
  // anything else is a fault in this window and is reported as one.
  onCaughtError: (error) => (error instanceof ApiError ? console.warn('[caseproof] page not shown:', error.message) : console.error(error)),
}).render(
  <QueryClientProvider client={queryClient}>
    <App />
    <OperationProgress />
    <LockGuard />
  </QueryClientProvider>,
);
