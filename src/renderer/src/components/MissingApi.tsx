export function MissingApi(): React.JSX.Element {
  return (
    <main className="missing-api" role="alert">
      <h1>PVE Tray cannot reach the app</h1>
      <p>This page needs the PVE Tray window or the local browser bridge (npm run dev:web). Open the link the bridge printed, including its #token part.</p>
    </main>
  )
}
