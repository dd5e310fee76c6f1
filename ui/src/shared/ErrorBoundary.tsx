import { Component, type ErrorInfo, type ReactNode } from "react";

interface State {
  error: Error | null;
}

/**
 * The last line: a view that throws while drawing shows what happened and a way
 * back, instead of an empty window. Nothing is lost: the data is in the backend.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("view crashed", error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash" role="alert" data-testid="crash">
        <h2>Something went wrong while drawing this window</h2>
        <p>Your data is safe. Reload the window to carry on; if it happens again, the details below help find out why.</p>
        <pre className="crash-detail">{String(error.stack ?? error.message)}</pre>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
