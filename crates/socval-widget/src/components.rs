//! The widget's components, one a file.

pub mod commitments;
pub mod config_error;
pub mod contract;
pub mod error_summary;
pub mod field;
pub mod measure;
pub mod results;
pub mod self_assessment;
pub mod spend;
pub mod theme_chart;
pub mod tools;
