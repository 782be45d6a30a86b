/** The steward and call-centre page: key prompt, navigation and the screen for the current hash. */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { storeKey, storedKey } from './api.js';
import { KeyPrompt } from './components/key-prompt.js';
import { href, useRoute, type Route } from './route.js';
import { CompareCustomersScreen } from './screens/compare-customers.js';
import { CustomerScreen } from './screens/customer.js';
import { QualityScreen } from './screens/quality.js';
import { QueueScreen } from './screens/queue.js';
import { SearchScreen } from './screens/search.js';
import { TaskScreen } from './screens/task.js';

const NAV: Array<[string, string]> = [
  ['queue', 'Review queue'],
  ['search', 'Search'],
  ['quality', 'Data quality'],
];

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'task':
      return route.id ? <TaskScreen id={route.id} /> : null;
    case 'customer':
      return route.id ? <CustomerScreen id={route.id} splitFrom={route.params.get('from')} /> : null;
    case 'compare':
      return <CompareCustomersScreen ids={(route.params.get('customers') ?? '').split(',').filter(Boolean)} />;
    case 'search':
      return <SearchScreen q={route.params.get('q') ?? ''} />;
    case 'quality':
      return <QualityScreen system={route.id} />;
    default:
      return <QueueScreen params={route.params} />;
  }
}

function App() {
  const [key, setKey] = useState(storedKey());
  const route = useRoute();
  return (
    <>
      <header>
        <h1>Identity Hub</h1>
        <nav>
          {NAV.map(([screen, label]) => (
            <a key={screen} href={href(screen)} class={route.screen === screen ? 'active' : ''}>
              {label}
            </a>
          ))}
        </nav>
        {key && (
          <button
            class="signout"
            onClick={() => {
              storeKey(null);
              setKey(null);
            }}
          >
            Change key
          </button>
        )}
      </header>
      <main>{key ? <Screen key={key} route={route} /> : <KeyPrompt onKey={setKey} />}</main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
