import './styles/base.css'
import './styles/layout.css'
import './styles/components.css'
import './styles/overview.css'
import './styles/panels.css'
import './styles/guests.css'
import './styles/guests-io.css'
import './styles/bulk.css'
import './styles/tables.css'
import './styles/forms.css'
import './styles/tasks.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { ApiContext, findPveTrayApi } from './api/api-context'
import { App } from './components/App'
import { MissingApi } from './components/MissingApi'

const root = document.getElementById('root')
if (root) {
  const api = findPveTrayApi()
  createRoot(root).render(
    <StrictMode>
      {api === null ? (
        <MissingApi />
      ) : (
        <ApiContext.Provider value={api}>
          <App api={api} />
        </ApiContext.Provider>
      )}
    </StrictMode>
  )
}
