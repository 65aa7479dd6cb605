import { Component, type ReactNode } from "react";

interface FormErrorBoundaryProps {
  fallback: ReactNode;
  onError: () => void;
  children: ReactNode;
}

/** If the generated form cannot render a schema, the partner can still edit the payload as JSON. */
export class FormErrorBoundary extends Component<FormErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(): void {
    this.props.onError();
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
