import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { installChineseValidation } from './forms/chineseValidation'
import './styles/base.css'
import './styles/pages.css'
import './styles/editor.css'
import './styles/sidePanel.css'
import './styles/comments.css'

installChineseValidation()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
