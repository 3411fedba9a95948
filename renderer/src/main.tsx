import { createRoot } from 'react-dom/client';
import { App } from './App';
import { OperationProgress } from './components/OperationProgress';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <>
    <App />
    <OperationProgress />
  </>,
);
